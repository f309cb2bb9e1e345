package org.districtops.partnership.query;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.districtops.kit.privacy.SmallCells;
import org.districtops.partnership.api.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shapes stored listings into the public board, its JSON-LD, the partner portal and the public figures. */
public final class OpportunityViews {

    private OpportunityViews() {
    }

    /** On the board: approved, not past applyUntil, and its partner in good standing. */
    static boolean onBoard(ListingState s, PartnerSummary partner, LocalDate today) {
        return s.status == ListingStatus.APPROVED && partner != null && partner.goodStanding
                && !s.details.applyUntil().isBefore(today);
    }

    /**
     * The board's query for MongoDB: the same rule as {@link #onBoard} (approved, applyUntil not past, partner in
     * good standing). Dates are stored as ISO strings, so they compare as text.
     */
    static Bson boardFilter(String districtId, LocalDate today, List<String> partnersInGoodStanding) {
        return Filters.and(Filters.eq("districtId", districtId),
                Filters.eq("status", ListingStatus.APPROVED.name()),
                Filters.in("partnerId", partnersInGoodStanding),
                Filters.gte("details.applyUntil", today.toString()));
    }

    /** The visitor's filters; pathway matches whole and ignoring case, text as a literal part of title or description. */
    static boolean matches(ListingState s, FindOpportunities q) {
        ListingDetails d = s.details;
        if (q.type() != null && d.type() != q.type()) {
            return false;
        }
        if (q.pathway() != null && !d.pathway().equalsIgnoreCase(q.pathway().strip())) {
            return false;
        }
        if (q.paid() != null && d.paid() != q.paid()) {
            return false;
        }
        if (q.grade() != null && (q.grade() < d.gradeMin() || q.grade() > d.gradeMax())) {
            return false;
        }
        if (q.remote() != null && d.remote() != q.remote()) {
            return false;
        }
        if (q.openOn() != null && (q.openOn().isBefore(d.applyFrom()) || q.openOn().isAfter(d.applyUntil()))) {
            return false;
        }
        if (q.text() != null && !q.text().isBlank()) {
            String needle = q.text().strip().toLowerCase(Locale.ROOT);
            return d.title().toLowerCase(Locale.ROOT).contains(needle)
                    || d.description().toLowerCase(Locale.ROOT).contains(needle);
        }
        return true;
    }

    static Opportunity opportunity(ListingState s, PartnerSummary partner) {
        ListingDetails d = s.details;
        return new Opportunity(s.listingId, s.districtId, partner.name, partner.type, d.type(), d.title(),
                d.description(), d.pathway(), d.paid(), d.paidTerms(), d.location(), d.remote(), d.schedule(),
                d.hoursPerWeek(), d.capacity(), d.gradeMin(), d.gradeMax(), d.minimumAge(), d.applyFrom(),
                d.applyUntil(), d.contactName(), d.contactEmail(), s.approvedAt, jsonLd(s, partner));
    }

    /**
     * schema.org: paid or work roles (internship, apprenticeship, job shadow) are a {@code JobPosting}; the
     * learning programmes (mentorship, service learning, projects, guest speakers) an
     * {@code EducationalOccupationalProgram}.
     */
    static Map<String, Object> jsonLd(ListingState s, PartnerSummary partner) {
        ListingDetails d = s.details;
        Map<String, Object> organisation = new LinkedHashMap<>();
        organisation.put("@type", "Organization");
        organisation.put("name", partner.name);
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        boolean job = d.type() == ListingType.INTERNSHIP || d.type() == ListingType.APPRENTICESHIP
                || d.type() == ListingType.JOB_SHADOW;
        ld.put("@type", job ? "JobPosting" : "EducationalOccupationalProgram");
        ld.put("identifier", s.listingId);
        if (job) {
            ld.put("title", d.title());
            ld.put("description", d.description());
            ld.put("datePosted", s.approvedAt == null ? null : s.approvedAt.toString());
            ld.put("validThrough", d.applyUntil().toString());
            ld.put("employmentType", d.type() == ListingType.INTERNSHIP ? "INTERN"
                    : d.type() == ListingType.APPRENTICESHIP ? "FULL_TIME" : "OTHER");
            ld.put("hiringOrganization", organisation);
            ld.put("occupationalCategory", d.pathway());
            ld.put("workHours", d.schedule() + " (" + d.hoursPerWeek() + " h/week)");
            if (d.remote()) {
                ld.put("jobLocationType", "TELECOMMUTE");
            }
            if (d.location() != null) {
                ld.put("jobLocation", Map.of("@type", "Place", "address", d.location()));
            }
            if (d.paid()) {
                ld.put("incentiveCompensation", d.paidTerms());
            }
        } else {
            ld.put("name", d.title());
            ld.put("description", d.description());
            ld.put("provider", organisation);
            ld.put("programType", d.type().name());
            ld.put("occupationalCategory", d.pathway());
            ld.put("applicationStartDate", d.applyFrom().toString());
            ld.put("applicationDeadline", d.applyUntil().toString());
            ld.put("timeToComplete", d.schedule());
            ld.put("maximumEnrollment", d.capacity());
            if (d.location() != null) {
                ld.put("location", Map.of("@type", "Place", "address", d.location()));
            }
        }
        ld.put("educationalLevel", "Grades " + d.gradeMin() + "-" + d.gradeMax());
        return ld;
    }

    static ListingView listingView(ListingState s, PartnerSummary partner) {
        return new ListingView(s.listingId, s.districtId, s.partnerId, partner == null ? null : partner.name, s.status,
                s.details, s.reviewNotes.stream().map(n -> new ListingView.ReviewNote(n.at, n.status, n.reason)).toList(),
                s.submittedAt, s.approvedAt, s.placements.size(), s.version);
    }

    static PlacementView placementView(ListingState.Placement p) {
        BigDecimal logged = p.hours.stream().map(h -> h.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal confirmed = p.hours.stream().filter(h -> h.confirmed).map(h -> h.hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PlacementView(p.placementId, p.studentId, p.school, p.startedOn, logged, confirmed,
                p.hours.stream().map(h -> new PlacementView.HoursEntry(h.entryId, h.workedOn, h.hours, h.confirmed))
                        .toList(), p.completed, p.rating, p.comments);
    }

    /**
     * Per school: placements (students) below 10 are "<10" and that school's confirmed hours are withheld; larger
     * figures are bands (placements of 10, hours of 100: {@link SmallCells}), so comparing two days' answers never
     * reveals how many students were placed in between when that is under 10.
     */
    static PartnershipFigures figures(String districtId, List<ListingState> board, List<ListingState> all) {
        Map<ListingType, Integer> byType = new EnumMap<>(ListingType.class);
        Map<String, Integer> byPathway = new TreeMap<>();
        for (ListingState s : board) {
            byType.merge(s.details.type(), 1, Integer::sum);
            byPathway.merge(s.details.pathway(), 1, Integer::sum);
        }
        Map<String, Integer> placements = new TreeMap<>();
        Map<String, BigDecimal> hours = new TreeMap<>();
        for (ListingState s : all) {
            for (ListingState.Placement p : s.placements) {
                placements.merge(p.school, 1, Integer::sum);
                BigDecimal confirmed = p.hours.stream().filter(h -> h.confirmed).map(h -> h.hours)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                hours.merge(p.school, confirmed, BigDecimal::add);
            }
        }
        List<PartnershipFigures.School> schools = new ArrayList<>();
        placements.forEach((school, count) -> schools.add(new PartnershipFigures.School(school, SmallCells.count(count),
                count < SmallCells.DEFAULT_THRESHOLD ? "withheld (<" + SmallCells.DEFAULT_THRESHOLD + " students)"
                        : SmallCells.hours(hours.get(school)))));
        return new PartnershipFigures(districtId, byType, byPathway, schools);
    }
}
