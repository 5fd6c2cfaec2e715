/** The identity provider as the application sees it: organizations (one per network) and people. */
@NullMarked
package fr.maillage.application.identity;

import org.jspecify.annotations.NullMarked;
