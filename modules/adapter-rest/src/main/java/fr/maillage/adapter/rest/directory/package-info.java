/** The public directory: JSON, GeoJSON, CSV and iCalendar, with ETags. */
@NullMarked
package fr.maillage.adapter.rest.directory;

import org.jspecify.annotations.NullMarked;
