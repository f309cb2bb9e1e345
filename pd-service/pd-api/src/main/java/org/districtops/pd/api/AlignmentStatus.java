package org.districtops.pd.api;

/** Whether a badge's goal ids were checked against vision-service's goal list. */
public enum AlignmentStatus { VERIFIED, UNVERIFIED, INVALID }
