/** What the member use cases need from the outside: the network's members. */
@NullMarked
package fr.maillage.application.member.port.out;

import org.jspecify.annotations.NullMarked;
