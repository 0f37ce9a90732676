/** Exams, sittings and attempts (答卷): saved answers, deadlines, submission. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"paper", "bank", "account", "shared"})
@NullMarked
package cn.arena.exam;

import org.jspecify.annotations.NullMarked;
