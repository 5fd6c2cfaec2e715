package fr.maillage.domain.place;

/** What can be booked in a place. */
public enum ResourceKind {
    DESK,
    MEETING_ROOM,
    MACHINE
}
