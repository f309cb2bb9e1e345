package org.districtops.vision.api;

import java.util.List;

/** A goal as proposed in a command: what it aims at and which District Conditions for Scale it serves. */
public record GoalDraft(String goalId, String title, String description, List<DistrictCondition> conditions) {

    public GoalDraft {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
