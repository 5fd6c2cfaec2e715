package fr.maillage.adapter.rest.mail;

import static fr.maillage.adapter.rest.shared.RequestValues.network;

import fr.maillage.application.mail.port.in.ManageOutboxUseCase;
import fr.maillage.application.mail.port.in.OutboxQuery;
import fr.maillage.application.mail.port.in.OutboxQuery.OutboxState;
import fr.maillage.application.mail.port.out.OutboxRelayPort.MailProblem;
import fr.maillage.application.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outbox of a network: its state and retrying the mails that failed (animators, platform admins). */
@RestController
@RequestMapping(path = "/api/networks/{slug}/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Outbox", description = "Mails written by the network's transactions and sent by the relay")
class OutboxController {

    private final OutboxQuery outbox;
    private final ManageOutboxUseCase manage;

    OutboxController(OutboxQuery outbox, ManageOutboxUseCase manage) {
        this.outbox = outbox;
        this.manage = manage;
    }

    record MailProblemResponse(UUID id, String template, String status, int attempts, @Nullable String lastError,
            Instant updatedAt, @Nullable Instant nextAttemptAt) {

        static MailProblemResponse of(MailProblem p) {
            return new MailProblemResponse(p.id(), p.templateCode(), p.status(), p.attempts(), p.lastError(),
                    p.updatedAt(), "PENDING".equals(p.status()) ? p.nextAttemptAt() : null);
        }
    }

    record OutboxResponse(Map<String, Long> counts, List<MailProblemResponse> problems) {

        static OutboxResponse of(OutboxState state) {
            return new OutboxResponse(state.counts(),
                    state.problems().stream().map(MailProblemResponse::of).toList());
        }
    }

    record RetryResponse(int retried) {
    }

    @Operation(summary = "The outbox's state",
            description = "Animators and platform admins: mails by status (PENDING, SENT, FAILED) and the last "
                    + "failures (template, attempts, error without addresses). No recipient, no content.")
    @GetMapping
    OutboxResponse state(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        return OutboxResponse.of(outbox.outbox(caller, network(slug)));
    }

    @Operation(summary = "Retry the failed mails",
            description = "Animators and platform admins: every FAILED mail of the network is PENDING again, due "
                    + "now, with no attempts (after the mail server or its settings were fixed). Audited.")
    @PostMapping("/retry-failed")
    RetryResponse retryFailed(@Parameter(hidden = true) Caller caller, @PathVariable String slug) {
        return new RetryResponse(manage.retryFailed(caller, network(slug)));
    }
}
