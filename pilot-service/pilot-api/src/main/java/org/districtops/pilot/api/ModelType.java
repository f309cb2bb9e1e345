package org.districtops.pilot.api;

/** Families of personalized-learning models a pilot can try. */
public enum ModelType {
    STATION_ROTATION,
    FLEX_MODEL,
    COMPETENCY_BASED_PROGRESSION,
    PROJECT_BASED_LEARNING,
    PERSONAL_LEARNING_PATHS,
    OTHER
}
