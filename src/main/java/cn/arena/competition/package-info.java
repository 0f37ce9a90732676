/**
 * Competitions (竞赛): stages, team registration, eligibility, advancement, composite scores, awards, and the
 * templates (e.g. Jiangyin 2021) they are made from.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"marking", "exam", "org", "account", "shared"})
@NullMarked
package cn.arena.competition;

import org.jspecify.annotations.NullMarked;
