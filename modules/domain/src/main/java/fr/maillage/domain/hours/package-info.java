/**
 * The opening hours of a place: a weekly schedule, dated exceptions (closures, special days), French public
 * holidays, and the answers people need (open now? next opening? this week's hours?), computed in the network's
 * time zone and correct across daylight-saving changes. See {@link fr.maillage.domain.hours.OpeningHours}.
 */
@NullMarked
package fr.maillage.domain.hours;

import org.jspecify.annotations.NullMarked;
