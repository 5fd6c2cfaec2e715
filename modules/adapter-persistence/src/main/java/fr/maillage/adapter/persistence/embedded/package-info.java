/** The embedded PostgreSQL started when no database is configured (development, demo, tests). */
@NullMarked
package fr.maillage.adapter.persistence.embedded;

import org.jspecify.annotations.NullMarked;
