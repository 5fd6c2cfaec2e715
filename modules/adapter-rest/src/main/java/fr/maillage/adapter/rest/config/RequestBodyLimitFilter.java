package fr.maillage.adapter.rest.config;

import fr.maillage.adapter.rest.problem.BodyTooLargeException;
import fr.maillage.adapter.rest.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code maillage.api.max-body-bytes} (64 KiB by default) with 413, before anything is
 * read into memory or written: at once when {@code Content-Length} announces too much, and while reading when a
 * chunked body grows past the limit.
 *
 * <p>One exception, and only one: {@code POST /api/networks/{slug}/member-imports} (a member list as a CSV file) may
 * send up to {@code maillage.members.import.max-body-bytes} (5 MiB by default), refused the same way beyond. The path
 * is matched exactly on the servlet path (decoded and normalised by the container, without path parameters), so no
 * other endpoint, nor a look-alike path, gets the larger limit.
 */
@Component
public class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    /** The member imports: {@code /api/networks/<slug>/member-imports}, nothing before or after. */
    static final Pattern MEMBER_IMPORTS = Pattern.compile("/api/networks/[^/]+/member-imports");

    private final long limit;
    private final long importLimit;
    private final ProblemWriter problemWriter;

    public RequestBodyLimitFilter(@Value("${maillage.api.max-body-bytes:65536}") long limit,
            @Value("${maillage.members.import.max-body-bytes:5242880}") long importLimit,
            ProblemWriter problemWriter) {
        this.limit = limit;
        this.importLimit = importLimit;
        this.problemWriter = problemWriter;
    }

    /** The limit of this request's body. */
    long limitOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return "POST".equals(request.getMethod()) && MEMBER_IMPORTS.matcher(path).matches() ? importLimit : limit;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = limitOf(request);
        if (request.getContentLengthLong() > max) {
            problemWriter.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large", List.of(max));
            return;
        }
        chain.doFilter(new LimitedRequest(request, max), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
