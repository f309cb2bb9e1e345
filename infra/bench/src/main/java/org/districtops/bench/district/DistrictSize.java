package org.districtops.bench.district;

import java.util.Locale;

/**
 * The three synthetic districts of the benchmark (issue 9). Students only ever appear as pseudonymous ids and
 * counts; what grows with them are placements (work-based learning) and pilot cohorts. Educators drive the
 * biggest stream: badge awards over several school years.
 */
public enum DistrictSize {
    /** A small district. */
    S(4_000, 10, 300, 24),
    /** A large district. */
    M(100_000, 180, 7_000, 60),
    /** The largest US district; at least 1,000,000 events. */
    L(1_000_000, 1_800, 75_000, 120);

    /** School years of history (2022-23 .. 2025-26). */
    public static final int YEARS = 4;
    /** Awards per educator and school year. */
    public static final int AWARDS_PER_EDUCATOR_YEAR = 3;
    /** Monthly updates of every milestone and measure over two years. */
    public static final int MONTHS_OF_UPDATES = 24;
    public static final int GOALS = 6;
    public static final int MEASURES_PER_GOAL = 2;
    public static final int CYCLES_PER_PILOT = 4;
    public static final int METRICS_PER_PILOT = 3;
    public static final int LISTINGS_PER_PARTNER = 4;
    /** Hours entries of every placement before it completes. */
    public static final int HOURS_ENTRIES_PER_PLACEMENT = 3;

    public final int students;
    public final int schools;
    public final int educators;
    public final int badges;

    DistrictSize(int students, int schools, int educators, int badges) {
        this.students = students;
        this.schools = schools;
        this.educators = educators;
        this.badges = badges;
    }

    public int milestones() {
        return 12 + schools / 5;
    }

    public int pilots() {
        return Math.max(3, schools / 6);
    }

    public int partners() {
        return Math.max(5, students / 2_000);
    }

    public int listings() {
        return partners() * LISTINGS_PER_PARTNER;
    }

    /** One student in twenty does a placement. */
    public int placements() {
        return students / 20;
    }

    public int awards() {
        return educators * YEARS * AWARDS_PER_EDUCATOR_YEAR;
    }

    /** Events the generator writes per service (schools and educators come through the OneRoster import). */
    public long visionEvents() {
        int measures = GOALS * MEASURES_PER_GOAL;
        return 2 // vision drafted, adopted
                + 1 + GOALS + measures + milestones()
                + (long) (measures + milestones()) * MONTHS_OF_UPDATES;
    }

    public long pilotEvents() {
        // proposed, criteria, launched, per cycle: started, pilot and comparison measurement per metric, completed; decided
        return (long) pilots() * (3 + CYCLES_PER_PILOT * (2 + 2 * METRICS_PER_PILOT) + 1);
    }

    public long pdEvents() {
        return badges + (long) awards();
    }

    public long partnershipEvents() {
        // partner onboarded + agreement signed; listing drafted, submitted, approved; placement recorded, hours, completed
        return partners() * 2L + listings() * 3L + (long) placements() * (2 + HOURS_ENTRIES_PER_PLACEMENT);
    }

    public long generatedEvents() {
        return visionEvents() + pilotEvents() + pdEvents() + partnershipEvents();
    }

    public static DistrictSize parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
