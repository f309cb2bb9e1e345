package org.districtops.partnership.api;

import java.util.List;

/** One page of the public board and how many opportunities match in all. */
public record OpportunityPage(List<Opportunity> items, long total) {
}
