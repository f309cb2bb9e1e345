package org.districtops.partnership.command;

import org.districtops.kit.errors.InputChecks;
import org.districtops.kit.errors.InvalidInputException;
import org.districtops.partnership.api.ListingDetails;

import java.util.regex.Pattern;

/** Input rules the aggregates apply before they record anything; each failure names the field. */
final class Checks extends InputChecks {

    /** An opaque student id: 8–64 letters, digits or dashes, with at least one digit (so never a plain name). */
    static final Pattern STUDENT_ID = Pattern.compile("(?=.*[0-9])[A-Za-z0-9-]{8,64}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,30}");
    private static final Pattern EMAIL_INSIDE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");

    private Checks() {
    }

    static void email(String field, String value) {
        if (value == null || !EMAIL.matcher(value.strip()).matches() || value.length() > 254) {
            throw new InvalidInputException(field, "must be an email address");
        }
    }

    static void studentId(String value) {
        if (value == null || !STUDENT_ID.matcher(value).matches()) {
            throw new InvalidInputException("studentId",
                    "must be a pseudonymous id (8-64 letters, digits or dashes, with a digit), never a name or email");
        }
    }

    /** Free text about a student's work must carry no contact data. */
    static void noContactData(String field, String value) {
        if (value != null && EMAIL_INSIDE.matcher(value).find()) {
            throw new InvalidInputException(field, "must not contain an email address");
        }
    }

    static void details(ListingDetails d) {
        required("details", d);
        required("type", d.type());
        text("title", d.title(), 200);
        text("description", d.description(), 4000);
        text("pathway", d.pathway(), 100);
        if (d.paid()) {
            text("paidTerms", d.paidTerms(), 500);
        } else {
            optionalText("paidTerms", d.paidTerms(), 500);
        }
        if (!d.remote()) {
            text("location", d.location(), 300);
        } else {
            optionalText("location", d.location(), 300);
        }
        text("schedule", d.schedule(), 500);
        if (d.hoursPerWeek() < 1 || d.hoursPerWeek() > 40) {
            throw new InvalidInputException("hoursPerWeek", "must be between 1 and 40");
        }
        if (d.capacity() < 1 || d.capacity() > 500) {
            throw new InvalidInputException("capacity", "must be between 1 and 500");
        }
        if (d.gradeMin() < 6 || d.gradeMin() > 12) {
            throw new InvalidInputException("gradeMin", "must be between 6 and 12");
        }
        if (d.gradeMax() < d.gradeMin() || d.gradeMax() > 12) {
            throw new InvalidInputException("gradeMax", "must be between gradeMin and 12");
        }
        if (d.minimumAge() < 10 || d.minimumAge() > 21) {
            throw new InvalidInputException("minimumAge", "must be between 10 and 21");
        }
        required("applyFrom", d.applyFrom());
        if (d.applyUntil() == null || d.applyUntil().isBefore(d.applyFrom())) {
            throw new InvalidInputException("applyUntil", "must be on or after applyFrom");
        }
        text("contactName", d.contactName(), 200);
        email("contactEmail", d.contactEmail());
    }

    static ListingDetails stripped(ListingDetails d) {
        return new ListingDetails(d.type(), d.title().strip(), d.description().strip(), d.pathway().strip(), d.paid(),
                d.paid() ? d.paidTerms().strip() : strip(d.paidTerms()),
                d.location() == null || d.location().isBlank() ? null : d.location().strip(), d.remote(),
                d.schedule().strip(), d.hoursPerWeek(), d.capacity(), d.gradeMin(), d.gradeMax(), d.minimumAge(),
                d.applyFrom(), d.applyUntil(), d.contactName().strip(), d.contactEmail().strip());
    }
}
