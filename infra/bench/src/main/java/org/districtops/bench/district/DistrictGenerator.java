package org.districtops.bench.district;

import org.districtops.bench.district.GeneratedEvent.Service;
import org.districtops.partnership.api.AgreementSigned;
import org.districtops.partnership.api.ListingApproved;
import org.districtops.partnership.api.ListingDetails;
import org.districtops.partnership.api.ListingDrafted;
import org.districtops.partnership.api.ListingRef;
import org.districtops.partnership.api.ListingSubmitted;
import org.districtops.partnership.api.ListingType;
import org.districtops.partnership.api.OrganisationType;
import org.districtops.partnership.api.PartnerOnboarded;
import org.districtops.partnership.api.PartnerRef;
import org.districtops.partnership.api.PlacementCompleted;
import org.districtops.partnership.api.PlacementHoursLogged;
import org.districtops.partnership.api.PlacementRecorded;
import org.districtops.pd.api.AwardRef;
import org.districtops.pd.api.AwardRoute;
import org.districtops.pd.api.BadgeAwarded;
import org.districtops.pd.api.BadgeDefined;
import org.districtops.pd.api.BadgeRef;
import org.districtops.pd.api.BadgeTerms;
import org.districtops.pd.api.Evidence;
import org.districtops.pilot.api.ComparisonGroup;
import org.districtops.pilot.api.CriteriaPreRegistered;
import org.districtops.pilot.api.CycleCompleted;
import org.districtops.pilot.api.CycleStarted;
import org.districtops.pilot.api.Decision;
import org.districtops.pilot.api.Group;
import org.districtops.pilot.api.MeasurementRecorded;
import org.districtops.pilot.api.Metric;
import org.districtops.pilot.api.ModelType;
import org.districtops.pilot.api.PilotDecided;
import org.districtops.pilot.api.PilotLaunched;
import org.districtops.pilot.api.PilotProposed;
import org.districtops.pilot.api.PilotRef;
import org.districtops.pilot.api.SchoolLevel;
import org.districtops.pilot.api.SuccessCriteria;
import org.districtops.vision.api.BoardVote;
import org.districtops.vision.api.Direction;
import org.districtops.vision.api.DistrictCondition;
import org.districtops.vision.api.MeasureAdded;
import org.districtops.vision.api.MeasureValueRecorded;
import org.districtops.vision.api.MilestoneAdded;
import org.districtops.vision.api.MilestoneProgressRecorded;
import org.districtops.vision.api.MilestoneStatus;
import org.districtops.vision.api.Owner;
import org.districtops.vision.api.PlanGoalAdded;
import org.districtops.vision.api.PlanRef;
import org.districtops.vision.api.StrategicPlanCreated;
import org.districtops.vision.api.VisionAdopted;
import org.districtops.vision.api.VisionDrafted;
import org.districtops.vision.api.VisionRef;
import org.districtops.vision.api.YearTarget;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generates the history of a synthetic district as the events the four services would have appended: a vision
 * and a strategic plan with monthly updates, pilots with waves and cycles, a badge catalog with awards over four
 * school years, partners with listings and placements. Deterministic: the same seed and size give the same events
 * (ids included) in the same order. Schools and educators are not generated here but imported through pd-service's
 * OneRoster endpoint ({@link OneRosterPackage}), whose educator ids this generator derives the same way.
 *
 * <p>Each aggregate's events are emitted in sequence order starting at 0, so the services can load the aggregates
 * and their projections (which keep the last sequence number for idempotency) accept them.
 */
public final class DistrictGenerator {

    public static final LocalDate HISTORY_START = LocalDate.of(2022, 8, 1);

    private final String districtId;
    private final DistrictSize size;
    private final long seed;
    private SplittableRandom random;
    private long counter;
    private Consumer<GeneratedEvent> sink;
    private final List<String> goalIds = new ArrayList<>();
    private final List<String> milestoneIds = new ArrayList<>();
    private final List<String> measureIds = new ArrayList<>();
    private final List<String> badgeIds = new ArrayList<>();
    private int[] badgeOffsets = new int[0];
    private String planId;

    public DistrictGenerator(String districtId, DistrictSize size, long seed) {
        this.districtId = districtId;
        this.size = size;
        this.seed = seed;
    }

    /** The plan's id (known after {@link #generate}); the benchmark reads its public dashboard. */
    public String planId() {
        return planId;
    }

    public List<String> goalIds() {
        return List.copyOf(goalIds);
    }

    public List<String> milestoneIds() {
        return List.copyOf(milestoneIds);
    }

    public List<String> measureIds() {
        return List.copyOf(measureIds);
    }

    /**
     * The i-th (educator id, badge id) pair that has no award in the generated history, so awarding it through the
     * API is valid: each educator holds {@code YEARS * AWARDS_PER_EDUCATOR_YEAR} consecutive badges from its offset.
     */
    public String[] freeAward(int i) {
        int held = DistrictSize.YEARS * DistrictSize.AWARDS_PER_EDUCATOR_YEAR;
        int educator = i % size.educators;
        int extra = i / size.educators;
        if (extra >= size.badges - held) {
            throw new IllegalArgumentException("only " + (long) size.educators * (size.badges - held) + " free awards");
        }
        return new String[]{OneRosterPackage.educatorId(districtId, educator),
                badgeIds.get((badgeOffsets[educator] + held + extra) % size.badges)};
    }

    public int freeAwards() {
        return size.educators * (size.badges - DistrictSize.YEARS * DistrictSize.AWARDS_PER_EDUCATOR_YEAR);
    }

    /** Emits every event, service by service, aggregate by aggregate. */
    public void generate(Consumer<GeneratedEvent> sink) {
        this.sink = sink;
        this.random = new SplittableRandom(seed);
        this.counter = 0;
        goalIds.clear();
        milestoneIds.clear();
        measureIds.clear();
        badgeIds.clear();
        vision();
        pilots();
        pd();
        partnerships();
    }

    // ---- vision-service: vision, plan, goals, measures, milestones and two years of monthly updates

    private void vision() {
        String visionAggregate = new VisionRef(districtId).toString();
        List<String> outcomes = List.of("Every learner reads at grade level by grade 3",
                "Every graduate leaves with a plan and a credential", "Learners own their learning path");
        List<String> gaps = List.of("Reading proficiency gap between schools", "Few work-based learning places");
        Instant drafted = at(HISTORY_START, 9);
        emit(Service.VISION, visionAggregate, "DistrictVision", 0, drafted, "superintendent", "superintendent",
                new VisionDrafted(districtId, 1, "Personalized learning for every learner in " + size.schools + " schools",
                        outcomes, gaps, "Community input over the spring"));
        emit(Service.VISION, visionAggregate, "DistrictVision", 1, at(HISTORY_START.plusMonths(2), 19), "superintendent",
                "superintendent", new VisionAdopted(districtId, 1, "Personalized learning for every learner in "
                        + size.schools + " schools", outcomes, gaps, "Community input over the spring",
                        new BoardVote(HISTORY_START.plusMonths(2), 5, 1, 1, "Board meeting " + HISTORY_START.plusMonths(2)), null));

        planId = id("plan");
        String plan = new PlanRef(districtId, planId).toString();
        long seq = 0;
        LocalDate created = HISTORY_START.plusMonths(3);
        emit(Service.VISION, plan, "StrategicPlan", seq++, at(created, 10), "superintendent", "superintendent",
                new StrategicPlanCreated(districtId, planId, "Strategic plan 2023-2028", 2023, 2028));
        DistrictCondition[] conditions = DistrictCondition.values();
        for (int g = 0; g < DistrictSize.GOALS; g++) {
            String goalId = id("goal");
            goalIds.add(goalId);
            emit(Service.VISION, plan, "StrategicPlan", seq++, at(created, 11), "planner", "district-staff",
                    new PlanGoalAdded(districtId, planId, goalId, "Goal " + (g + 1) + ": " + conditions[g % conditions.length],
                            "Improve " + conditions[g % conditions.length].name().toLowerCase().replace('_', ' '),
                            List.of(conditions[g % conditions.length], conditions[(g + 3) % conditions.length])));
            for (int m = 0; m < DistrictSize.MEASURES_PER_GOAL; m++) {
                String measureId = id("measure");
                measureIds.add(measureId);
                double baseline = 50 + random.nextInt(30);
                emit(Service.VISION, plan, "StrategicPlan", seq++, at(created, 12), "planner", "district-staff",
                        new MeasureAdded(districtId, planId, goalId, measureId, "Measure " + (g + 1) + "." + (m + 1), "%",
                                Direction.UP, baseline, created.minusMonths(1),
                                List.of(new YearTarget(2026, baseline + 5), new YearTarget(2027, baseline + 8),
                                        new YearTarget(2028, baseline + 10))));
            }
        }
        for (int i = 0; i < size.milestones(); i++) {
            String milestoneId = id("milestone");
            milestoneIds.add(milestoneId);
            String goalId = goalIds.get(i % goalIds.size());
            LocalDate start = created.plusMonths(i % 6);
            emit(Service.VISION, plan, "StrategicPlan", seq++, at(created, 13), "planner", "district-staff",
                    new MilestoneAdded(districtId, planId, goalId, milestoneId, "Milestone " + (i + 1),
                            new Owner("owner-" + (i % 40), "Owner " + (i % 40)), List.of(), start,
                            start.plusMonths(24 + i % 12), 1 + i % 3, 30));
        }
        for (int month = 1; month <= DistrictSize.MONTHS_OF_UPDATES; month++) {
            LocalDate asOf = created.plusMonths(month);
            for (int i = 0; i < milestoneIds.size(); i++) {
                int percent = Math.min(100, month * 100 / (24 + i % 12) + random.nextInt(3));
                emit(Service.VISION, plan, "StrategicPlan", seq++, at(asOf, 14), "planner", "district-staff",
                        new MilestoneProgressRecorded(districtId, planId, milestoneIds.get(i), asOf, percent,
                                percent >= 100 ? MilestoneStatus.COMPLETED : MilestoneStatus.IN_PROGRESS,
                                "Update " + month));
            }
            for (String measureId : measureIds) {
                emit(Service.VISION, plan, "StrategicPlan", seq++, at(asOf, 15), "planner", "district-staff",
                        new MeasureValueRecorded(districtId, planId, measureId, asOf,
                                Math.round((55 + month * 0.3 + random.nextDouble() * 5) * 10) / 10.0, null));
            }
        }
    }

    // ---- pilot-service: pilots in waves, each with pre-registered criteria, cycles with measurements, a decision

    private void pilots() {
        ModelType[] models = ModelType.values();
        Decision[] decisions = {Decision.SCALE, Decision.CONTINUE, Decision.MODIFY, Decision.STOP};
        for (int p = 0; p < size.pilots(); p++) {
            String pilotId = id("pilot");
            String aggregate = new PilotRef(districtId, pilotId).toString();
            int wave = 1 + p % 3;
            LocalDate start = HISTORY_START.plusMonths(12L * (wave - 1) + 1);
            List<String> schools = List.of(OneRosterPackage.schoolId(p % size.schools),
                    OneRosterPackage.schoolId((p + 1) % size.schools));
            int cohort = 40 + random.nextInt(160);
            long seq = 0;
            emit(Service.PILOT, aggregate, "Pilot", seq++, at(start.minusMonths(1), 9), "pilotlead", "district-staff",
                    new PilotProposed(districtId, pilotId, "Pilot " + (p + 1), "Gap " + (p % 7), "Grades 3-5",
                            models[p % (models.length - 1)], "Model " + (p % 12), SchoolLevel.ELEMENTARY, schools, 4,
                            cohort, start, start.plusMonths(10), List.of(goalIds.get(p % goalIds.size())),
                            org.districtops.pilot.api.AlignmentStatus.VERIFIED, "model-" + (p % 12), wave));
            List<Metric> metrics = new ArrayList<>();
            for (int m = 0; m < DistrictSize.METRICS_PER_PILOT; m++) {
                metrics.add(new Metric("metric-" + m, "Metric " + (m + 1), "%", org.districtops.pilot.api.Direction.UP,
                        60, 70));
            }
            emit(Service.PILOT, aggregate, "Pilot", seq++, at(start.minusMonths(1), 10), "pilotlead", "district-staff",
                    new CriteriaPreRegistered(districtId, pilotId, new SuccessCriteria(metrics,
                            ComparisonGroup.MATCHED_CLASSROOMS, "Scale when two of three metrics meet their target")));
            emit(Service.PILOT, aggregate, "Pilot", seq++, at(start, 9), "pilotlead", "district-staff",
                    new PilotLaunched(districtId, pilotId, start));
            for (int c = 1; c <= DistrictSize.CYCLES_PER_PILOT; c++) {
                String cycleId = "cycle-" + c;
                LocalDate cycleStart = start.plusMonths(2L * (c - 1));
                emit(Service.PILOT, aggregate, "Pilot", seq++, at(cycleStart, 9), "pilotlead", "district-staff",
                        new CycleStarted(districtId, pilotId, cycleId, c, "Plan of cycle " + c, cycleStart.plusMonths(2)));
                for (Metric metric : metrics) {
                    emit(Service.PILOT, aggregate, "Pilot", seq++, at(cycleStart.plusMonths(2), 9), "pilotlead",
                            "district-staff", new MeasurementRecorded(districtId, pilotId, cycleId, metric.metricId(),
                                    Group.PILOT, "%", 60 + random.nextInt(20), cohort));
                    emit(Service.PILOT, aggregate, "Pilot", seq++, at(cycleStart.plusMonths(2), 10), "pilotlead",
                            "district-staff", new MeasurementRecorded(districtId, pilotId, cycleId, metric.metricId(),
                                    Group.COMPARISON, "%", 58 + random.nextInt(15), cohort));
                }
                emit(Service.PILOT, aggregate, "Pilot", seq++, at(cycleStart.plusMonths(2), 11), "pilotlead",
                        "district-staff", new CycleCompleted(districtId, pilotId, cycleId, "Observed in cycle " + c,
                                "Changes for cycle " + (c + 1)));
            }
            Decision decision = decisions[random.nextInt(decisions.length)];
            emit(Service.PILOT, aggregate, "Pilot", seq, at(start.plusMonths(10), 9), "superintendent", "superintendent",
                    new PilotDecided(districtId, pilotId, decision, "Decided on the evidence of four cycles", 2));
        }
    }

    // ---- pd-service: badge catalog and awards over four school years (educators come from the OneRoster import)

    private void pd() {
        List<Integer> validity = new ArrayList<>();
        for (int b = 0; b < size.badges; b++) {
            String badgeId = id("badge");
            badgeIds.add(badgeId);
            Integer validityDays = b % 4 == 0 ? 730 : null;
            validity.add(validityDays);
            emit(Service.PD, new BadgeRef(districtId, badgeId).toString(), "Badge", 0, at(HISTORY_START, 8), "pdstaff",
                    "pd-staff", new BadgeDefined(districtId, badgeId, 1, new BadgeTerms("Badge " + (b + 1),
                            "Professional learning badge " + (b + 1), "Complete the course and a classroom artefact",
                            null, List.of("Competency " + (b % 10)), List.of(goalIds.get(b % goalIds.size())),
                            5 + b % 20, validityDays, false, List.of()),
                            org.districtops.pd.api.AlignmentStatus.VERIFIED));
        }
        AwardRoute[] routes = {AwardRoute.STAFF, AwardRoute.BULK, AwardRoute.APPLICATION};
        int perEducatorBadges = DistrictSize.YEARS * DistrictSize.AWARDS_PER_EDUCATOR_YEAR;
        int[] offsets = new int[size.educators];
        for (int e = 0; e < size.educators; e++) {
            offsets[e] = random.nextInt(size.badges);
        }
        badgeOffsets = offsets;
        for (int year = 0; year < DistrictSize.YEARS; year++) {
            LocalDate yearStart = HISTORY_START.plusYears(year);
            for (int e = 0; e < size.educators; e++) {
                String educatorId = OneRosterPackage.educatorId(districtId, e);
                for (int k = 0; k < DistrictSize.AWARDS_PER_EDUCATOR_YEAR; k++) {
                    // distinct badges per educator over the years: one award aggregate per (educator, badge)
                    int badge = (offsets[e] + year * DistrictSize.AWARDS_PER_EDUCATOR_YEAR + k) % size.badges;
                    String badgeId = badgeIds.get(badge);
                    String awardId = awardId(educatorId, badgeId);
                    Instant awardedAt = at(yearStart.plusDays(30 + random.nextInt(300)), 16);
                    Integer days = validity.get(badge);
                    emit(Service.PD, new AwardRef(districtId, awardId).toString(), "Award", 0, awardedAt, "pdstaff",
                            "pd-staff", new BadgeAwarded(districtId, awardId, educatorId, badgeId, 1,
                                    new Evidence(null, "Completed course " + (badge + 1)), awardedAt,
                                    days == null ? null : awardedAt.plusSeconds(86_400L * days), routes[k % routes.length]));
                }
            }
        }
        if (perEducatorBadges > size.badges) {
            throw new IllegalStateException("each educator needs " + perEducatorBadges + " distinct badges");
        }
    }

    /** Same derivation as pd-service's AwardIds: one award aggregate per educator and badge. */
    static String awardId(String educatorId, String badgeId) {
        return UUID.nameUUIDFromBytes(("award|" + educatorId + "|" + badgeId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- partnership-service: partners with agreements, approved listings, placements of pseudonymous students

    private void partnerships() {
        OrganisationType[] types = OrganisationType.values();
        ListingType[] listingTypes = ListingType.values();
        int listings = size.listings();
        int capacity = (size.placements() + listings - 1) / listings;
        int placement = 0;
        for (int p = 0; p < size.partners(); p++) {
            String partnerId = id("partner");
            String partner = new PartnerRef(districtId, partnerId).toString();
            LocalDate onboarded = HISTORY_START.plusDays(random.nextInt(365));
            emit(Service.PARTNERSHIP, partner, "Partner", 0, at(onboarded, 9), "superintendent", "superintendent",
                    new PartnerOnboarded(districtId, partnerId, "Partner " + (p + 1), types[p % types.length],
                            "A local partner", "https://partner" + (p + 1) + ".example.org"));
            emit(Service.PARTNERSHIP, partner, "Partner", 1, at(onboarded, 10), "superintendent", "superintendent",
                    new AgreementSigned(districtId, partnerId, onboarded, LocalDate.of(2030, 6, 30),
                            LocalDate.of(2030, 6, 30).atStartOfDay().toInstant(ZoneOffset.UTC),
                            List.of(goalIds.get(p % goalIds.size())), org.districtops.partnership.api.AlignmentStatus.VERIFIED));
            for (int l = 0; l < DistrictSize.LISTINGS_PER_PARTNER; l++) {
                String listingId = id("listing");
                String listing = new ListingRef(districtId, listingId).toString();
                LocalDate drafted = onboarded.plusDays(7 + l);
                long seq = 0;
                emit(Service.PARTNERSHIP, listing, "Listing", seq++, at(drafted, 9), "partner", "partner",
                        new ListingDrafted(districtId, listingId, partnerId, new ListingDetails(
                                listingTypes[(p + l) % listingTypes.length], "Opportunity " + (p + 1) + "." + (l + 1),
                                "Learn on the job", "Pathway " + (l % 5), l % 2 == 0, l % 2 == 0 ? "Minimum wage" : null,
                                "Main street " + (p + 1), l % 3 == 0, "Afternoons", 6, capacity, 9, 12, 14,
                                drafted, LocalDate.of(2027, 6, 30), "Contact " + (p + 1),
                                "contact" + (p + 1) + "@partner.example.org")));
                emit(Service.PARTNERSHIP, listing, "Listing", seq++, at(drafted, 10), "partner", "partner",
                        new ListingSubmitted(districtId, listingId, partnerId));
                emit(Service.PARTNERSHIP, listing, "Listing", seq++, at(drafted.plusDays(3), 10), "superintendent",
                        "superintendent", new ListingApproved(districtId, listingId, partnerId));
                for (int s = 0; s < capacity && placement < size.placements(); s++, placement++) {
                    String placementId = id("placement");
                    LocalDate started = drafted.plusDays(14 + random.nextInt(300));
                    String studentId = "stu-" + Long.toHexString(new SplittableRandom(seed ^ placement).nextLong()
                            & 0xffffffffffL) + "-" + (random.nextInt(size.students));
                    emit(Service.PARTNERSHIP, listing, "Listing", seq++, at(started, 9), "superintendent",
                            "superintendent", new PlacementRecorded(districtId, listingId, partnerId, placementId,
                                    studentId, OneRosterPackage.schoolId(random.nextInt(size.schools)), started));
                    for (int h = 0; h < DistrictSize.HOURS_ENTRIES_PER_PLACEMENT; h++) {
                        emit(Service.PARTNERSHIP, listing, "Listing", seq++, at(started.plusWeeks(h + 1), 17), "partner",
                                "partner", new PlacementHoursLogged(districtId, listingId, placementId, id("hours"),
                                        started.plusWeeks(h + 1), BigDecimal.valueOf(2 + random.nextInt(5))));
                    }
                    emit(Service.PARTNERSHIP, listing, "Listing", seq++, at(started.plusWeeks(6), 17), "partner",
                            "partner", new PlacementCompleted(districtId, listingId, placementId, 3 + random.nextInt(3),
                                    "Completed"));
                }
            }
        }
    }

    // ---- helpers

    private void emit(Service service, String aggregateId, String aggregateType, long sequence, Instant timestamp,
                      String actorId, String actorRole, Object payload) {
        String eventId = uuid("event");
        sink.accept(new GeneratedEvent(service, eventId, aggregateId, aggregateType, sequence, timestamp, payload,
                actorId, actorRole, eventId));
    }

    private String id(String kind) {
        return uuid(kind);
    }

    /** A deterministic UUID: seed, a running counter and the kind. */
    private String uuid(String kind) {
        return UUID.nameUUIDFromBytes((seed + "|" + (counter++) + "|" + kind).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
