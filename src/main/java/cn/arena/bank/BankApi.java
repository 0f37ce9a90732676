package cn.arena.bank;

import cn.arena.account.CurrentUser;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Question banks on the JSON API (organizers and admins; candidates may not list banks). */
@RestController
@RequestMapping("/api/v1/banks")
@PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
class BankApi {

    record NewBank(@Nullable String name) {}

    record Created(long id) {}

    record BankView(long id, String name, @Nullable Long ownerUnitId) {}

    private final BankService banks;

    BankApi(BankService banks) {
        this.banks = banks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewBank body) {
        return new Created(banks.createBank(user, body.name() == null ? "" : body.name()));
    }

    @GetMapping
    Map<String, List<BankView>> list(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("items", banks.banks(user).stream().map(b -> new BankView(b.id(), b.name(), b.ownerUnitId())).toList());
    }

    @PostMapping("/{bankId}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    Created addQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable long bankId, @RequestBody QuestionDraft draft) {
        return new Created(banks.addQuestion(user, bankId, draft));
    }
}
