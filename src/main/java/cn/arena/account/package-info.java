/** Logins, roles, API tokens, scopes in the org tree, and the append-only audit log. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package cn.arena.account;

import org.jspecify.annotations.NullMarked;
