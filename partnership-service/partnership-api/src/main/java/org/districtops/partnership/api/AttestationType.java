package org.districtops.partnership.api;

/** What a partner attests to, each valid until an expiry date. */
public enum AttestationType {
    LIABILITY_INSURANCE,
    BACKGROUND_CHECKS
}
