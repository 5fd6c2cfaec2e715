@NullMarked
package archfixtures.clean.application.venue.port.in;

import org.jspecify.annotations.NullMarked;
