package dev.wheelhouse.ui.common;

import dev.wheelhouse.kinds.Health;
import java.util.Map;
import javafx.css.PseudoClass;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The icons of kinds, tree rows, actions and health (Material Design Icons through Ikonli). Health
 * has a shape of its own as well as a colour, so status never depends on colour alone.
 */
public final class Icons {
    public static final Ikon CONTEXT = MaterialDesignK.KUBERNETES;
    public static final Ikon NAMESPACE = MaterialDesignF.FOLDER_OUTLINE;
    public static final Ikon CUSTOM_KIND = MaterialDesignP.PUZZLE_OUTLINE;
    public static final Ikon BACK = MaterialDesignA.ARROW_LEFT;
    public static final Ikon FORWARD = MaterialDesignA.ARROW_RIGHT;
    public static final Ikon SEARCH = MaterialDesignM.MAGNIFY;
    public static final Ikon THEME = MaterialDesignT.THEME_LIGHT_DARK;
    public static final Ikon LARGER = MaterialDesignM.MAGNIFY_PLUS_OUTLINE;
    public static final Ikon SMALLER = MaterialDesignM.MAGNIFY_MINUS_OUTLINE;
    public static final Ikon HELP = MaterialDesignK.KEYBOARD_OUTLINE;
    public static final Ikon DETAILS = MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE;
    public static final Ikon CLEAR = MaterialDesignC.CLOSE_CIRCLE;
    public static final Ikon DELETE = MaterialDesignD.DELETE_OUTLINE;
    public static final Ikon SCALE = MaterialDesignA.ARROW_EXPAND_ALL;
    public static final Ikon RESTART = MaterialDesignR.RESTART;
    public static final Ikon CORDON = MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
    public static final Ikon UNCORDON = MaterialDesignC.CHECK_CIRCLE_OUTLINE;
    public static final Ikon LOGS = MaterialDesignC.CONSOLE_LINE;
    public static final Ikon LEARN = MaterialDesignS.SCHOOL_OUTLINE;
    public static final Ikon READ_ONLY = MaterialDesignL.LOCK_OUTLINE;
    public static final Ikon LABS = MaterialDesignF.FLASK_OUTLINE;
    public static final Ikon EDIT = MaterialDesignP.PENCIL_OUTLINE;

    private static final Map<String, Ikon> KINDS = Map.ofEntries(
            Map.entry("Pod", MaterialDesignC.CUBE_OUTLINE),
            Map.entry("Deployment", MaterialDesignL.LAYERS_TRIPLE),
            Map.entry("ReplicaSet", MaterialDesignC.CONTENT_COPY),
            Map.entry("StatefulSet", MaterialDesignD.DATABASE),
            Map.entry("DaemonSet", MaterialDesignS.SERVER_NETWORK),
            Map.entry("Job", MaterialDesignP.PLAY_CIRCLE),
            Map.entry("CronJob", MaterialDesignC.CALENDAR_CLOCK),
            Map.entry("Service", MaterialDesignR.ROUTER_NETWORK),
            Map.entry("Ingress", MaterialDesignE.EARTH),
            Map.entry("EndpointSlice", MaterialDesignE.ETHERNET_CABLE),
            Map.entry("NetworkPolicy", MaterialDesignS.SHIELD_OUTLINE),
            Map.entry("ConfigMap", MaterialDesignF.FILE_DOCUMENT_OUTLINE),
            Map.entry("Secret", MaterialDesignL.LOCK_OUTLINE),
            Map.entry("HorizontalPodAutoscaler", MaterialDesignC.CHART_LINE),
            Map.entry("PersistentVolumeClaim", MaterialDesignH.HARDDISK),
            Map.entry("PersistentVolume", MaterialDesignD.DATABASE_OUTLINE),
            Map.entry("StorageClass", MaterialDesignF.FILE_CABINET),
            Map.entry("ServiceAccount", MaterialDesignA.ACCOUNT_KEY),
            Map.entry("Role", MaterialDesignS.SHIELD_ACCOUNT),
            Map.entry("RoleBinding", MaterialDesignA.ACCOUNT_GROUP),
            Map.entry("Node", MaterialDesignS.SERVER),
            Map.entry("Namespace", MaterialDesignF.FOLDER_OUTLINE),
            Map.entry("Event", MaterialDesignB.BELL_OUTLINE));

    private static final Map<Health, Ikon> HEALTH = Map.of(
            Health.GOOD, MaterialDesignC.CHECK_CIRCLE,
            Health.PROGRESSING, MaterialDesignP.PROGRESS_CLOCK,
            Health.BAD, MaterialDesignA.ALERT_CIRCLE,
            Health.NEUTRAL, MaterialDesignM.MINUS_CIRCLE_OUTLINE);

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("wh-icon");
        return icon;
    }

    /** A kind's icon by its Kind name; custom kinds share one. */
    public static Ikon forKind(String kind) {
        return KINDS.getOrDefault(kind, CUSTOM_KIND);
    }

    /** Shows {@code health} on a reused icon (cells are recycled as tables scroll): its shape and its colour. */
    public static void showHealth(FontIcon icon, Health health) {
        icon.setIconCode(HEALTH.get(health));
        for (Health each : Health.values()) {
            icon.pseudoClassStateChanged(HEALTH_STATES.get(each), each == health);
        }
    }

    private static final Map<Health, PseudoClass> HEALTH_STATES = Map.of(
            Health.GOOD, PseudoClass.getPseudoClass("health-good"),
            Health.PROGRESSING, PseudoClass.getPseudoClass("health-progressing"),
            Health.BAD, PseudoClass.getPseudoClass("health-bad"),
            Health.NEUTRAL, PseudoClass.getPseudoClass("health-neutral"));
}
