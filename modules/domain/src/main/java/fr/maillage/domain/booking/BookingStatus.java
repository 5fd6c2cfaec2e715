package fr.maillage.domain.booking;

/** A booking holds its resource while {@link #CONFIRMED}; a {@link #CANCELLED} one is kept, and frees it. */
public enum BookingStatus {
    CONFIRMED,
    CANCELLED
}
