/** Demo data: the networks of the field material, loaded by the {@code demo} profile. */
@NullMarked
package fr.maillage.bootstrap.demo;

import org.jspecify.annotations.NullMarked;
