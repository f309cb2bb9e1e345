package org.districtops.pilot.command;

import org.districtops.kit.errors.InputChecks;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.pilot.api.Metric;
import org.districtops.pilot.api.SuccessCriteria;

import java.util.HashSet;
import java.util.Set;

/** Input rules the pilot applies before it records anything; each failure names the field. */
final class Checks extends InputChecks {

    private Checks() {
    }

    static void criteria(SuccessCriteria criteria) {
        required("criteria", criteria);
        if (criteria.metrics() == null || criteria.metrics().isEmpty() || criteria.metrics().size() > 10) {
            throw new InvalidInputException("criteria.metrics", "pre-register 1 to 10 metrics");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < criteria.metrics().size(); i++) {
            Metric m = criteria.metrics().get(i);
            String prefix = "criteria.metrics[" + i + "].";
            text(prefix + "metricId", m.metricId(), 64);
            if (!ids.add(m.metricId())) {
                throw new InvalidInputException(prefix + "metricId", "is used twice");
            }
            text(prefix + "name", m.name(), 200);
            text(prefix + "unit", m.unit(), 40);
            required(prefix + "direction", m.direction());
            if (!Double.isFinite(m.baseline()) || !Double.isFinite(m.target())) {
                throw new InvalidInputException(prefix + "target", "baseline and target must be numbers");
            }
        }
        required("criteria.comparisonGroup", criteria.comparisonGroup());
        text("criteria.decisionRule", criteria.decisionRule(), 2000);
    }
}
