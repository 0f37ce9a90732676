package cn.arena.account;

import cn.arena.shared.DemoMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo logins (organizer, grader, candidate, and the five judges of the demo live final), made once on a demo start;
 * their passwords are printed once.
 */
@Component
@Order(1)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    static final Map<String, Role> ACCOUNTS = new LinkedHashMap<>();

    static {
        ACCOUNTS.put("demo-organizer", Role.ORGANIZER);
        ACCOUNTS.put("demo-grader", Role.GRADER);
        ACCOUNTS.put("demo-candidate", Role.CANDIDATE);
        for (int j = 1; j <= 5; j++) {
            ACCOUNTS.put("demo-judge-" + j, Role.JUDGE);
        }
    }

    private static final Map<String, String> NAMES = Map.of(
            "demo-organizer", "演示组织者", "demo-grader", "演示阅卷人", "demo-candidate", "演示考生（王芳）",
            "demo-judge-1", "演示评委一", "demo-judge-2", "演示评委二", "demo-judge-3", "演示评委三", "demo-judge-4", "演示评委四",
            "demo-judge-5", "演示评委五");

    private final DemoMode demo;
    private final UserStore users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DemoAccounts(DemoMode demo, UserStore users, PasswordEncoder passwords, Clock clock) {
        this.demo = demo;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.isOn()) {
            return;
        }
        StringBuilder printed = new StringBuilder();
        ACCOUNTS.forEach((username, role) -> {
            if (users.findByUsername(username).isEmpty()) {
                String password = AccountService.randomPassword();
                users.insert(username, passwords.encode(password), NAMES.get(username), null, EnumSet.of(role), clock.instant());
                printed.append(String.format("%n  %-16s %-10s password: %s", username, role, password));
            }
        });
        if (!printed.isEmpty()) {
            log.warn("\n\n  Arena demo accounts (passwords shown only once):{}\n", printed);
        }
    }
}
