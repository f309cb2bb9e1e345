package org.districtops.vision.api;

import java.time.LocalDate;

/** The school board's vote that adopted a vision: when, how it went, and where it is minuted. */
public record BoardVote(LocalDate date, int votesFor, int votesAgainst, int abstentions, String meetingReference) {
}
