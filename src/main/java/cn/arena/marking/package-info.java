/** Marking (阅卷): automatic marking on submit, blind manual marking, release, ranking, results. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"exam", "bank", "account", "shared"})
@NullMarked
package cn.arena.marking;

import org.jspecify.annotations.NullMarked;
