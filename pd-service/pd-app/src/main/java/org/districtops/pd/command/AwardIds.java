package org.districtops.pd.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** An award's id is derived from (educator, badge): one award aggregate per educator and badge. */
public final class AwardIds {

    private AwardIds() {
    }

    public static String of(String educatorId, String badgeId) {
        return UUID.nameUUIDFromBytes(("award|" + educatorId + "|" + badgeId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
