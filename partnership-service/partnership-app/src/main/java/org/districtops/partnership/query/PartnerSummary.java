package org.districtops.partnership.query;

import org.districtops.partnership.api.OrganisationType;

/** The listings read model's copy of what it needs about a partner: its name, type and standing. */
public class PartnerSummary {

    public String id;
    public String districtId;
    public String partnerId;
    public String name;
    public OrganisationType type;
    public boolean goodStanding;
    public long version;
}
