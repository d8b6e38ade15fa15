package org.exchangehub.hub.returnflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.exchangehub.returnflow.completeness.Manifests;
import org.exchangehub.returnflow.intake.CaseIntake;
import org.exchangehub.returnflow.source.Channel;
import org.springframework.stereotype.Component;

/**
 * The file channel: one Camel file route per source of channel file ({@code case-file-<id>}). A file is read once it
 * stopped changing, then moved to {@code .done/<day>/}. When storing fails (the database away) the file stays where
 * it is and is read again on the next poll; the records already stored from it are then duplicates, not stored twice.
 */
@Component
public class FileDropRoutes extends RouteBuilder {

    private final ReturnFlowProperties properties;
    private final CaseIntake intake;
    private final Manifests manifests;
    private final ObjectMapper json;

    public FileDropRoutes(ReturnFlowProperties properties, CaseIntake intake, Manifests manifests, ObjectMapper json) {
        this.properties = properties;
        this.intake = intake;
        this.manifests = manifests;
        this.json = json;
    }

    @Override
    public void configure() {
        for (String id : ReturnFlowConfiguration.idsOf(properties, Channel.FILE)) {
            ReturnFlowProperties.FileChannel settings = properties.sources().get(id).file();
            FileDrop drop = new FileDrop(id, settings.manifestPattern(), intake, manifests, json);
            String directory = settings.directory().toAbsolutePath().normalize().toString();
            from("file:" + directory + "?include=(?i).*\\.(csv|json)&autoCreate=true&readLock=changed"
                    + "&readLockCheckInterval=200&readLockMinAge=300&readLockTimeout=60000&initialDelay=1000"
                    + "&delay=" + settings.pollInterval().toMillis() + "&move=.done/${date:now:yyyyMMdd}/${file:name}")
                    .routeId("case-file-" + id).routeConfigurationId(ReturnFlowErrorHandling.FILE_ID)
                    .process(e -> drop.handle(e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class),
                            e.getMessage().getBody(byte[].class)));
        }
    }
}
