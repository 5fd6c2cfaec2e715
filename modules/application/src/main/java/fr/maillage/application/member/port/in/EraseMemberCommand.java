package fr.maillage.application.member.port.in;

import fr.maillage.application.shared.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The confirmation of an erasure, which cannot be undone: {@code {"confirm": true}}. Without it, or with
 * {@code false}: 400 ({@code member.erase.confirm-required}).
 */
public record EraseMemberCommand(boolean confirmed) {

    public record Raw(@Nullable Boolean confirm) {
    }

    public static EraseMemberCommand parse(@Nullable Raw raw) {
        Fields fields = new Fields();
        if (raw == null || !Boolean.TRUE.equals(raw.confirm())) {
            fields.reject("confirm", "member.erase.confirm-required");
        }
        fields.throwIfInvalid();
        return new EraseMemberCommand(true);
    }
}
