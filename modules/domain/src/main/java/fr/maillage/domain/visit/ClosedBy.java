package fr.maillage.domain.visit;

/** Who ended a visit: the member, a manager at the desk, or the automatic closing at the place's closing time. */
public enum ClosedBy {
    MEMBER,
    DESK,
    AUTO
}
