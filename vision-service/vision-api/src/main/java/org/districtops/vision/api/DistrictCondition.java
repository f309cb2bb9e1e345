package org.districtops.vision.api;

/** The ten KnowledgeWorks "District Conditions for Scale" a strategic goal can serve. */
public enum DistrictCondition {
    CURRICULUM,
    INSTRUCTION,
    COMPREHENSIVE_ASSESSMENT_SYSTEM,
    LEARNING_ENVIRONMENTS,
    STUDENT_SUPPORTS,
    PROFESSIONAL_DEVELOPMENT,
    LEADERSHIP_DEVELOPMENT,
    TECHNOLOGY_POLICY,
    COMPREHENSIVE_DATA_SYSTEMS,
    PARTNERSHIPS
}
