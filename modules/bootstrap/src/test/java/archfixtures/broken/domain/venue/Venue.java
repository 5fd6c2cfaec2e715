package archfixtures.broken.domain.venue;

import archfixtures.broken.domain.member.Member;

/** Half of a package cycle with {@link Member}. */
public class Venue {

    Member host;
}
