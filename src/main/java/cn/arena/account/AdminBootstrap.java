package cn.arena.account;

import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** First start: creates the {@code admin} login, with the configured password or a random one printed once. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final AccountProperties properties;
    private final Clock clock;

    AdminBootstrap(UserStore users, PasswordEncoder passwords, AccountProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.findByUsername("admin").isPresent()) {
            return;
        }
        String configured = properties.adminPassword();
        String password = StringUtils.hasText(configured) ? configured : AccountService.randomPassword();
        users.insert("admin", passwords.encode(password), "系统管理员", null, EnumSet.of(Role.ADMIN), clock.instant());
        if (StringUtils.hasText(configured)) {
            log.info("Created the admin account with the password from ARENA_ADMIN_PASSWORD.");
        } else {
            log.warn("\n\n  Arena admin account created.  username: admin   password: {}\n  This password is shown only once.\n", password);
        }
    }
}
