/** The caller: who am I, which networks. */
@NullMarked
package fr.maillage.adapter.rest.me;

import org.jspecify.annotations.NullMarked;
