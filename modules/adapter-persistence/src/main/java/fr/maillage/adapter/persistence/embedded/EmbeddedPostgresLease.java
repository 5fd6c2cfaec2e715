package fr.maillage.adapter.persistence.embedded;

import org.springframework.beans.factory.DisposableBean;

/** One application context's use of the embedded server: taken when the context starts, given back when it closes. */
final class EmbeddedPostgresLease implements DisposableBean {

    static final String BEAN_NAME = "maillageEmbeddedPostgresLease";

    private final EmbeddedPostgresServer server;

    EmbeddedPostgresLease(EmbeddedPostgresServer server) {
        this.server = server;
        server.acquire();
    }

    @Override
    public void destroy() {
        server.release();
    }
}
