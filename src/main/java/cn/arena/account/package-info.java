/** Logins, roles, API tokens, scopes in the org tree, and the append-only audit log. */
@NullMarked
package cn.arena.account;

import org.jspecify.annotations.NullMarked;
