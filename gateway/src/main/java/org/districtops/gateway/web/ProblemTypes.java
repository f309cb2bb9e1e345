package org.districtops.gateway.web;

import java.net.URI;

/** Problem {@code type} values used by the gateway. */
final class ProblemTypes {

    /**
     * RFC 9457 §4.2.1: the problem has no semantics beyond its HTTP status; {@code title} is the status
     * phrase. Written out explicitly because Spring omits an unset type.
     */
    static final URI BLANK = URI.create("about:blank");

    private ProblemTypes() {
    }
}
