/**
 * Bookings of resources (a meeting room, a desk, a machine): a member holds a resource for a half-open range of real
 * time {@code [start, end)} inside one opening of its place. Two confirmed bookings of one resource never overlap;
 * the database enforces it (see docs/adr/0009-bookings-exclusion-constraint.md). See {@link
 * fr.maillage.domain.booking.BookingRules} and {@link fr.maillage.domain.booking.Booking}.
 */
@NullMarked
package fr.maillage.domain.booking;

import org.jspecify.annotations.NullMarked;
