package cn.gov.lvliang.ledger.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilding projections from the first event while readers keep reading (docs/audit-and-rebuild.md). Every GET has
 * a one-line-per-projection text form with {@code format=text}, which {@code ./ledger rebuild} prints.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projection admin", description = "Rebuild and verify read models from the event store")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Every projection with its processor and its latest rebuild",
            description = "Per processing group: whether it can be rebuilt, its tables, its live processor on this "
                    + "node (position, events behind the event store's head, caught up and replaying judged by "
                    + "positions) and its latest rebuild or verification on any node.")
    List<ProjectionStatus> all() {
        return rebuilds.status();
    }

    @GetMapping(params = "format=text", produces = MediaType.TEXT_PLAIN_VALUE)
    String allAsText() {
        return rebuilds.status().stream().map(ProjectionStatus::line).collect(Collectors.joining("\n", "", "\n"));
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection with its processor and its latest rebuild",
            description = "The latest rebuild shows its phase, events read, the position reached against the event "
                    + "store's head, events per second and the estimated time left; once compared, each table's "
                    + "checksums and the rows that differ; each step it has begun, with how long it took. 404 for "
                    + "an unknown projection.")
    ProjectionStatus one(@Parameter(description = "The processing group", example = "bundle-cases")
                         @PathVariable String name) {
        return rebuilds.status(name);
    }

    @GetMapping(value = "/{name}", params = "format=text", produces = MediaType.TEXT_PLAIN_VALUE)
    String oneAsText(@PathVariable String name) {
        return rebuilds.status(name).line() + "\n";
    }

    @GetMapping("/{name}/rebuilds/{rebuildId}")
    @Operation(summary = "One rebuild or verification", description = "404 if the projection has no such rebuild.")
    RebuildView rebuild(@PathVariable String name, @PathVariable String rebuildId) {
        return rebuilds.rebuildOf(name, rebuildId);
    }

    @GetMapping(value = "/{name}/rebuilds/{rebuildId}", params = "format=text",
            produces = MediaType.TEXT_PLAIN_VALUE)
    String rebuildAsText(@PathVariable String name, @PathVariable String rebuildId) {
        return rebuilds.rebuildOf(name, rebuildId).line() + "\n";
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a projection from the first event",
            description = "Starts in the background and answers 202 with the rebuild and its location. The "
                    + "projection is rebuilt into shadow tables while the live one keeps serving, caught up with the "
                    + "live processor (paused briefly), compared table by table, and switched in one transaction if "
                    + "equal, or if acceptDifferences is true (after a fix to the projection's code, say). 404 for "
                    + "an unknown projection, 409 if one of its rebuilds is running or it cannot be rebuilt.")
    ResponseEntity<RebuildView> start(
            @Parameter(description = "The processing group", example = "bundle-cases") @PathVariable String name,
            @Parameter(description = "Switch to the rebuilt model even if it differs from the live one")
            @RequestParam(defaultValue = "false") boolean acceptDifferences) {
        RebuildView started = rebuilds.rebuild(name, acceptDifferences);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name + "/rebuilds/" + started.rebuildId()))
                .body(started);
    }

    @GetMapping("/{name}/verify")
    @Operation(summary = "Rebuild into scratch tables and compare with the live model, without switching",
            description = "Waits for the outcome: EQUAL, or DIFFERENT with each table's checksums and the rows that "
                    + "differ (table and key; for a changed row, its columns). The live processor pauses while "
                    + "the scratch model catches up and the tables are compared. 409 if a rebuild is running.")
    RebuildView verify(@Parameter(description = "The processing group", example = "bundle-cases")
                       @PathVariable String name) throws InterruptedException {
        return rebuilds.verify(name);
    }

    @GetMapping(value = "/{name}/verify", params = "format=text", produces = MediaType.TEXT_PLAIN_VALUE)
    String verifyAsText(@PathVariable String name) throws InterruptedException {
        return rebuilds.verify(name).line() + "\n";
    }
}
