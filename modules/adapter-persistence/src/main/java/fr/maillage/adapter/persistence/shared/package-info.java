/** What the JDBC adapters share: conversions between JDBC values and Java time, numbers and ids. */
@NullMarked
package fr.maillage.adapter.persistence.shared;

import org.jspecify.annotations.NullMarked;
