package org.districtops.pd.api;

/** How an award came about. */
public enum AwardRoute { STAFF, BULK, APPLICATION, PATHWAY }
