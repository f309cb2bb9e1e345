package org.districtops.vision.api;

import java.util.List;

/**
 * The draft out for community comment, as the public sees it: its current text, the latest comment period
 * and that period's approved comments. {@code version} is the vision's event sequence.
 */
public record PublicVisionDraftView(String districtId, int draftNumber, String statement, List<String> outcomes,
                                    List<String> gaps, String rationale, PublicVisionView.CommentPeriod commentPeriod,
                                    List<PublicVisionView.Comment> approvedComments, long version) {
}
