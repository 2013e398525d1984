/**
 * The page's one store: typed slices, actions at module level, read with single-value
 * selectors (DESIGN.md section 5). The playground session (../playground/) writes the
 * cluster, topics, groups, clients and activity slices from telemetry and the admin API;
 * components write only the view slice, through the actions in view-actions.ts.
 */
import { create } from "zustand";
import { emptyMetrics, type ActivitySlice } from "./activity-slice.ts";
import type { ClientsSlice } from "./clients-slice.ts";
import { initialClusterSlice, type ClusterSlice } from "./cluster-slice.ts";
import type { GroupsSlice } from "./groups-slice.ts";
import type { LessonsSlice } from "./lessons-slice.ts";
import { initialLanguage, initialTheme } from "./settings-slice.ts";
import type { TopicsSlice } from "./topics-slice.ts";
import type { ViewSlice } from "./view-slice.ts";

export type PlaygroundState = ClusterSlice &
  TopicsSlice &
  GroupsSlice &
  ClientsSlice &
  ActivitySlice &
  ViewSlice &
  LessonsSlice;

export function initialPlaygroundState(): PlaygroundState {
  return {
    ...initialClusterSlice(),
    topics: {},
    groups: {},
    producers: {},
    consumers: {},
    timeline: [],
    metrics: emptyMetrics(),
    frames: [],
    tapping: false,
    droppedFrames: 0,
    language: initialLanguage(),
    theme: initialTheme(),
    selection: null,
    dockTab: "timeline",
    dialog: null,
    welcome: false,
    openTopic: null,
    toasts: [],
    lessonRun: null,
    lessonsCompleted: [],
    lessonCatalogOpen: false,
  };
}

export const usePlayground = create<PlaygroundState>(() => initialPlaygroundState());
