/** OAuth2 resource server: JWT validation and the caller. */
@NullMarked
package fr.maillage.adapter.rest.security;

import org.jspecify.annotations.NullMarked;
