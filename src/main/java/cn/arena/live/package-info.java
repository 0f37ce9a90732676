/**
 * The live final (现场决赛): rounds refereed by the server on an event log in the database, the state a fold of it,
 * followed by the host console, team terminals, the big screen and judge pads.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"competition", "bank", "account", "org", "shared"})
package cn.arena.live;

import org.jspecify.annotations.NullMarked;
