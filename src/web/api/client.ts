/**
 * The one door from the web app to the server. Screens depend on the `ApiClient` interface (component tests
 * pass a fake); the browser uses `httpClient`, which calls the HTTP API, parses every answer with src/api's
 * shared zod schemas, and turns error bodies (`{ error: { code, message_vi, message_en } }`) into `Result`s.
 */
import { z } from 'zod';
import {
  ApiErrorBody, AttendanceView, BodyView, CheckinView, CongressView, DelegateView, DocumentView, ElectionView,
  OrganisationView, Principal, SessionView, SpeakerView, TargetsView, VoteView, ImportRejected, MyDelegateView,
  TargetInput as TargetInputSchema,
} from '../../api/index.ts';
import type { Result } from '../../rules/index.ts';
import type { RulingReason } from '../../counting/index.ts';
import {
  BatchView as BatchViewSchema, CountingOverview as CountingOverviewSchema, EnteredBallot as EnteredBallotSchema,
  MyBatchView as MyBatchViewSchema, ReconciliationView as ReconciliationViewSchema, RoundResultView as RoundResultViewSchema, TERMINAL_HEADER,
  type EnteredBallot,
} from '../../api/counting.ts';
import type { BatchView, CountingOverview, MyBatchView, ReconciliationView, RoundResultView } from './counting-schemas.ts';
import type { SettingsPatch } from '../../api/index.ts';
import {
  DecidedSheet as DecidedSheetSchema, ScanJobDetail as ScanJobDetailSchema, ScanJobView as ScanJobViewSchema,
  type DecideSheetBody, type DecidedSheet, type ScanJobDetail, type ScanJobView,
} from '../../api/scan.ts';
import type { AgendaItem, ApiError, CheckinOutcome, Principal as PrincipalT, Speaker } from './types.ts';

export type SettingsPatchBody = SettingsPatch;

export interface NewBody {
  readonly kind: 'presidium' | 'secretariat' | 'credentials' | 'counting-board';
  readonly title: string;
  readonly members: ReadonlyArray<{ readonly delegateId: number; readonly role: 'head' | 'deputy' | 'member' }>;
}

export type ApiResult<T> = Result<T, ApiError>;

/** Agree / disagree / other-opinion counts of a show of hands. */
export interface Counts {
  readonly agree: number;
  readonly disagree: number;
  readonly other: number;
}

export type TransitionRequest =
  | ({ readonly to: 'list-approved' } & Counts)
  | { readonly to: 'voting' | 'counting' | 'published' }
  | { readonly to: 'approved'; readonly reference: string };

/** A new round of an election (POST …/elections/:id/rounds): its seats, and whom it starts from. */
export interface NewRoundRequest {
  readonly seats: number;
  readonly alternateSeats: number;
  /** The tied of the last round, everyone listed but not elected, or nobody (a fresh list). */
  readonly candidates: 'tied' | 'not-elected' | 'none';
}

/** One resolution target as entered (PUT …/targets replaces the whole list, in order). */
export type TargetInput = z.infer<typeof TargetInputSchema>;

/** One round of one election of one congress: the URL prefix of the counting routes. */
export interface RoundRef {
  readonly congress: string;
  readonly electionId: number;
  /** The round's number (1, 2, …). */
  readonly round: number;
}

export interface ImportIssueView {
  readonly row: number;
  readonly column: string | null;
  readonly message_vi: string;
  readonly message_en: string;
}

export interface ApiClient {
  readonly me: () => Promise<ApiResult<PrincipalT>>;
  readonly signIn: (username: string, password: string) => Promise<ApiResult<PrincipalT>>;
  readonly signInWithCard: (congress: string, token: string) => Promise<ApiResult<PrincipalT>>;
  readonly signOut: () => Promise<ApiResult<true>>;

  readonly congresses: () => Promise<ApiResult<Array<z.infer<typeof CongressView>>>>;
  readonly congress: (code: string) => Promise<ApiResult<z.infer<typeof CongressView>>>;
  readonly attendance: (code: string) => Promise<ApiResult<z.infer<typeof AttendanceView>>>;
  readonly sessions: (code: string) => Promise<ApiResult<Array<z.infer<typeof SessionView>>>>;
  readonly setCurrentItem: (code: string, agendaItemId: number | null) => Promise<ApiResult<true>>;
  readonly speakers: (code: string) => Promise<ApiResult<Array<z.infer<typeof SpeakerView>>>>;
  readonly registerToSpeak: (code: string, speakerName: string, title: string, delegateId: number | null) => Promise<ApiResult<z.infer<typeof SpeakerView>>>;
  readonly targets: (code: string) => Promise<ApiResult<z.infer<typeof TargetsView>>>;
  readonly organisations: (code: string) => Promise<ApiResult<Array<z.infer<typeof OrganisationView>>>>;
  readonly delegates: (code: string) => Promise<ApiResult<Array<z.infer<typeof DelegateView>>>>;
  readonly importDelegates: (code: string, file: File) => Promise<Result<{ readonly imported: number }, { readonly error: ApiError; readonly issues: readonly ImportIssueView[] }>>;
  readonly checkins: (code: string) => Promise<ApiResult<Array<z.infer<typeof CheckinView>>>>;
  readonly checkIn: (code: string, by: { readonly cardToken: string } | { readonly delegateId: number }, desk: string) => Promise<CheckinOutcome>;
  readonly bodies: (code: string) => Promise<ApiResult<Array<z.infer<typeof BodyView>>>>;
  readonly votes: (code: string) => Promise<ApiResult<Array<z.infer<typeof VoteView>>>>;
  readonly recordVote: (code: string, subject: string, counts: { agree: number; disagree: number; other: number }) => Promise<ApiResult<z.infer<typeof VoteView>>>;
  readonly elections: (code: string) => Promise<ApiResult<Array<z.infer<typeof ElectionView>>>>;
  readonly transition: (round: RoundRef, body: TransitionRequest) => Promise<ApiResult<true>>;
  readonly addCandidate: (round: RoundRef, body: { readonly delegateId: number; readonly source: 'committee-list' | 'nominated' | 'self-nominated' }) => Promise<ApiResult<true>>;
  readonly requestWithdrawal: (round: RoundRef, candidateId: number) => Promise<ApiResult<true>>;
  readonly decideWithdrawal: (round: RoundRef, candidateId: number, counts: Counts) => Promise<ApiResult<true>>;
  readonly recordPoll: (round: RoundRef, present: number, results: ReadonlyArray<{ readonly candidateId: number; readonly agree: number }>) => Promise<ApiResult<true>>;
  readonly setBallots: (round: RoundRef, issued: number, collected: number | null) => Promise<ApiResult<true>>;
  readonly setCountingBoard: (code: string, electionId: number, bodyId: number) => Promise<ApiResult<true>>;
  readonly setMaxSurplus: (code: string, electionId: number, maxSurplus: number, counts: Counts) => Promise<ApiResult<true>>;
  readonly approveBody: (code: string, bodyId: number, counts: Counts) => Promise<ApiResult<true>>;
  readonly createBody: (code: string, body: NewBody) => Promise<ApiResult<true>>;
  readonly setCurrentSpeaker: (code: string, speakerId: number | null) => Promise<ApiResult<true>>;
  readonly updateSpeaker: (code: string, speakerId: number, status: Speaker['status']) => Promise<ApiResult<true>>;
  readonly updateSettings: (code: string, patch: SettingsPatchBody) => Promise<ApiResult<true>>;
  readonly addSession: (code: string, kind: 'preparatory' | 'official', title: string) => Promise<ApiResult<true>>;
  readonly addAgendaItem: (code: string, sessionId: number, title: string, kind: AgendaItem['kind']) => Promise<ApiResult<true>>;
  /** Puts a session's agenda items in this order (every item of the session, each once). */
  readonly reorderAgenda: (code: string, sessionId: number, itemIds: readonly number[]) => Promise<ApiResult<true>>;
  readonly addOrganisation: (code: string, name: string) => Promise<ApiResult<true>>;
  readonly uploadDocument: (code: string, title: string, visibility: 'public' | 'delegates' | 'staff', file: File) => Promise<ApiResult<true>>;
  readonly documents: (code: string) => Promise<ApiResult<Array<z.infer<typeof DocumentView>>>>;
  /** The signed-in delegate's own record: seat, organisation, status, check-in per session. */
  readonly myRecord: (code: string) => Promise<ApiResult<z.infer<typeof MyDelegateView>>>;
  /** The next round of an election, after the last was published (a tie or unfilled seats). */
  readonly newRound: (code: string, electionId: number, body: NewRoundRequest) => Promise<ApiResult<true>>;
  /** Replaces the term's resolution targets, in this order. */
  readonly saveTargets: (code: string, targets: readonly TargetInput[]) => Promise<ApiResult<z.infer<typeof TargetsView>>>;
  /** Moves a speaker to a place in the queue. */
  readonly moveSpeaker: (code: string, speakerId: number, position: number) => Promise<ApiResult<true>>;

  readonly countingOverview: (round: RoundRef) => Promise<ApiResult<CountingOverview>>;
  readonly openCounting: (round: RoundRef, issued: number, collected: number) => Promise<ApiResult<true>>;
  readonly batches: (round: RoundRef) => Promise<ApiResult<BatchView[]>>;
  readonly myBatch: (round: RoundRef, batchId: string) => Promise<ApiResult<MyBatchView>>;
  readonly openBatch: (round: RoundRef, label: string, physicalCount: number) => Promise<ApiResult<true>>;
  readonly openEntry: (round: RoundRef, batchId: string) => Promise<ApiResult<MyBatchView>>;
  /** One ballot as a typed line at `position` (the next of the entry); a retry with the same requestId has one effect. */
  readonly enterBallot: (round: RoundRef, batchId: string, position: number, text: string, requestId: string) => Promise<ApiResult<EnteredBallot>>;
  readonly undoBallot: (round: RoundRef, batchId: string, position: number) => Promise<ApiResult<true>>;
  readonly closeEntry: (round: RoundRef, batchId: string, ballots: number) => Promise<ApiResult<true>>;
  readonly reconciliation: (round: RoundRef) => Promise<ApiResult<ReconciliationView[]>>;
  readonly rule: (round: RoundRef, batchId: string, position: number, text: string, reason: RulingReason, note: string) => Promise<ApiResult<true>>;
  readonly roundResult: (round: RoundRef) => Promise<ApiResult<RoundResultView>>;
  readonly finishCounting: (round: RoundRef) => Promise<ApiResult<true>>;

  /** Scanning (issue 7): uploads a batch's stack in order, one multipart part "file" a file; progress in bytes sent. */
  readonly uploadScan: (round: RoundRef, batchId: string, files: readonly File[], onProgress: (sent: number, total: number) => void) => Promise<ApiResult<ScanJobView>>;
  readonly scanJobs: (round: RoundRef) => Promise<ApiResult<ScanJobView[]>>;
  readonly scanJob: (round: RoundRef, jobId: number) => Promise<ApiResult<ScanJobDetail>>;
  readonly decideSheet: (round: RoundRef, jobId: number, position: number, body: DecideSheetBody) => Promise<ApiResult<DecidedSheet>>;
  readonly discardScan: (round: RoundRef, jobId: number) => Promise<ApiResult<true>>;
}

/**
 * This browser's terminal name for the input log ("web-" and a random suffix), kept across reloads so an
 * operator's entry stays theirs at this terminal.
 */
export const terminal = (): string => {
  const key = 'daihoi.terminal';
  try {
    const known = localStorage.getItem(key);
    if (known !== null && /^web-[a-z0-9]{6,}$/u.test(known)) return known;
    const made = `web-${Math.random().toString(36).slice(2, 10)}`;
    localStorage.setItem(key, made);
    return made;
  } catch {
    return 'web-unknown';
  }
};
void TERMINAL_HEADER; // the terminal travels in the body (or this header); see src/api/counting.ts

const networkError: ApiError = { code: 'network', message_vi: 'Không kết nối được máy chủ.', message_en: 'Cannot reach the server.' };
const schemaError = (path: string): ApiError => ({
  code: 'schema',
  message_vi: `Máy chủ trả dữ liệu không đúng mẫu (${path}).`,
  message_en: `The server answered in an unexpected shape (${path}).`,
});

type Send = { readonly json: unknown } | { readonly form: FormData } | null;

const send = async (method: string, path: string, body: Send): Promise<{ status: number; json: unknown } | null> => {
  try {
    const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
    if (body !== null && 'json' in body) {
      init.headers = { accept: 'application/json', 'content-type': 'application/json' };
      init.body = JSON.stringify(body.json);
    } else if (body !== null) init.body = body.form;
    const response = await fetch(path, init);
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, json };
  } catch {
    return null;
  }
};

/**
 * A multipart upload through XMLHttpRequest, for its upload progress events (fetch has none). Same origin and
 * the same headers as `send`: the browser adds Origin, which the server's CSRF guard checks.
 */
const sendWithProgress = (method: string, path: string, form: FormData, onProgress: (sent: number, total: number) => void): Promise<{ status: number; json: unknown } | null> =>
  new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => resolve(null);
    xhr.onabort = () => resolve(null);
    xhr.send(form);
  });

const answerOf = <S extends z.ZodType>(answer: { status: number; json: unknown } | null, path: string, schema: S): ApiResult<z.infer<S>> => {
  if (answer === null) return { ok: false, error: networkError };
  if (answer.status >= 400) {
    const e = ApiErrorBody.safeParse(answer.json);
    return {
      ok: false,
      error: e.success ? e.data.error
        : { code: `http.${answer.status}`, message_vi: `Máy chủ trả lỗi ${answer.status}.`, message_en: `Server error ${answer.status}.` },
    };
  }
  const parsed = schema.safeParse(answer.json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: schemaError(path) };
};

const request = async <S extends z.ZodType>(method: string, path: string, schema: S, body: Send = null): Promise<ApiResult<z.infer<S>>> =>
  answerOf(await send(method, path, body), path, schema);

const Anything = z.unknown();
const noSession: ApiError = {
  code: 'checkin.no-session',
  message_vi: 'Chưa có phiên họp nào để điểm danh.',
  message_en: 'No session to check in to.',
};
const done = async (p: Promise<ApiResult<unknown>>): Promise<ApiResult<true>> => {
  const r = await p;
  return r.ok ? { ok: true, value: true } : r;
};

export const httpClient = (): ApiClient => {
  const c = (code: string): string => `/api/congresses/${encodeURIComponent(code)}`;
  /**
   * The session check-ins go to: the server's current session (that of the current agenda item, or the last one
   * with check-ins); before anything has started, the first session of the agenda.
   */
  const sessionForCheckin = async (code: string): Promise<ApiResult<number | null>> => {
    const a = await request('GET', `${c(code)}/attendance`, AttendanceView);
    if (!a.ok) return a;
    if (a.value.sessionId !== null) return { ok: true, value: a.value.sessionId };
    const s = await request('GET', `${c(code)}/sessions`, z.array(SessionView));
    if (!s.ok) return s;
    const first = [...s.value].sort((x, y) => x.position - y.position)[0];
    return { ok: true, value: first?.id ?? null };
  };
  const r = (rr: RoundRef): string => `${c(rr.congress)}/elections/${rr.electionId}/rounds/${rr.round}`;
  const b = (rr: RoundRef, batch: string): string => `${r(rr)}/batches/${encodeURIComponent(batch)}`;
  return {
    me: () => request('GET', '/api/auth/me', Principal),
    // The sign-in answers say who signed in in different shapes; /api/auth/me gives the full principal.
    signIn: async (username, password) => {
      const r = await request('POST', '/api/auth/login', Anything, { json: { username, password } });
      return r.ok ? request('GET', '/api/auth/me', Principal) : r;
    },
    signInWithCard: async (congress, token) => {
      const r = await request('POST', '/api/auth/card', Anything, { json: { congress, token } });
      return r.ok ? request('GET', '/api/auth/me', Principal) : r;
    },
    signOut: () => done(request('POST', '/api/auth/logout', Anything, { json: {} })),

    congresses: () => request('GET', '/api/congresses', z.array(CongressView)),
    congress: (code) => request('GET', c(code), CongressView),
    attendance: (code) => request('GET', `${c(code)}/attendance`, AttendanceView),
    sessions: (code) => request('GET', `${c(code)}/sessions`, z.array(SessionView)),
    setCurrentItem: (code, agendaItemId) => done(request('PUT', `${c(code)}/current-item`, Anything, { json: { agendaItemId } })),
    speakers: (code) => request('GET', `${c(code)}/speakers`, z.array(SpeakerView)),
    registerToSpeak: (code, speakerName, title, delegateId) =>
      request('POST', `${c(code)}/speakers`, SpeakerView, { json: { speakerName, title, delegateId } }),
    targets: (code) => request('GET', `${c(code)}/targets`, TargetsView),
    organisations: (code) => request('GET', `${c(code)}/organisations`, z.array(OrganisationView)),
    delegates: (code) => request('GET', `${c(code)}/delegates`, z.array(DelegateView)),
    importDelegates: async (code, file) => {
      const form = new FormData();
      form.append('file', file);
      const answer = await send('POST', `${c(code)}/delegates-import`, { form });
      if (answer === null) return { ok: false, error: { error: networkError, issues: [] } };
      if (answer.status < 400) {
        const okBody = z.object({ imported: z.number() }).safeParse(answer.json);
        return okBody.success ? { ok: true, value: okBody.data } : { ok: false, error: { error: schemaError('import'), issues: [] } };
      }
      const rejected = ImportRejected.safeParse(answer.json);
      if (rejected.success) return { ok: false, error: { error: rejected.data.error, issues: rejected.data.issues } };
      const plain = ApiErrorBody.safeParse(answer.json);
      return { ok: false, error: { error: plain.success ? plain.data.error : schemaError('import'), issues: [] } };
    },
    // Check-ins belong to the session in progress, which the attendance view names.
    checkins: async (code) => {
      const session = await sessionForCheckin(code);
      if (!session.ok) return session;
      if (session.value === null) return { ok: true, value: [] };
      return request('GET', `${c(code)}/sessions/${session.value}/checkins`, z.array(CheckinView));
    },
    checkIn: async (code, by, desk) => {
      const session = await sessionForCheckin(code);
      const r = !session.ok ? session : session.value === null ? { ok: false as const, error: noSession }
        : await request('POST', `${c(code)}/sessions/${session.value}/checkins`, CheckinView, { json: { ...by, desk } });
      return r.ok ? { ok: true, checkin: r.value, delegate: null, organisationName: null }
        : { ok: false, message_vi: r.error.message_vi, message_en: r.error.message_en };
    },
    bodies: (code) => request('GET', `${c(code)}/bodies`, z.array(BodyView)),
    votes: (code) => request('GET', `${c(code)}/votes`, z.array(VoteView)),
    recordVote: (code, subject, counts) =>
      request('POST', `${c(code)}/votes`, VoteView, { json: { subject, kind: 'other', ...counts } }),
    elections: (code) => request('GET', `${c(code)}/elections`, z.array(ElectionView)),
    transition: (rr, body) => done(request('POST', `${r(rr)}/transition`, Anything, { json: body })),
    addCandidate: (rr, body) => done(request('POST', `${r(rr)}/candidates`, Anything, { json: body })),
    requestWithdrawal: (rr, id) => done(request('POST', `${r(rr)}/candidates/${id}/withdrawal`, Anything, { json: {} })),
    decideWithdrawal: (rr, id, counts) => done(request('POST', `${r(rr)}/candidates/${id}/withdrawal-decision`, Anything, { json: counts })),
    recordPoll: (rr, present, results) => done(request('POST', `${r(rr)}/poll`, Anything, { json: { present, results } })),
    setBallots: (rr, issued, collected) => done(request('PUT', `${r(rr)}/ballots`, Anything, { json: { issued, collected } })),
    setCountingBoard: (code, id, bodyId) => done(request('PUT', `${c(code)}/elections/${id}/counting-board`, Anything, { json: { bodyId } })),
    setMaxSurplus: (code, id, maxSurplus, counts) => done(request('PUT', `${c(code)}/elections/${id}/max-surplus`, Anything, { json: { maxSurplus, ...counts } })),
    createBody: (code, body) => done(request('POST', `${c(code)}/bodies`, Anything, { json: body })),
    setCurrentSpeaker: (code, speakerId) => done(request('PUT', `${c(code)}/current-speaker`, Anything, { json: { speakerId } })),
    updateSpeaker: (code, id, status) => done(request('PATCH', `${c(code)}/speakers/${id}`, Anything, { json: { status } })),
    updateSettings: (code, patch) => done(request('PATCH', `${c(code)}/settings`, Anything, { json: patch })),
    addSession: (code, kind, title) => done(request('POST', `${c(code)}/sessions`, Anything, { json: { kind, title } })),
    addAgendaItem: (code, sessionId, title, kind) => done(request('POST', `${c(code)}/sessions/${sessionId}/items`, Anything, { json: { title, kind } })),
    reorderAgenda: (code, sessionId, itemIds) => done(request('PUT', `${c(code)}/sessions/${sessionId}/items/order`, Anything, { json: { items: itemIds } })),
    uploadDocument: async (code, title, visibility, file) => {
      const form = new FormData();
      form.append('title', title);
      form.append('visibility', visibility);
      form.append('file', file);
      return done(request('POST', `${c(code)}/documents`, Anything, { form }));
    },
    addOrganisation: (code, name) => done(request('POST', `${c(code)}/organisations`, Anything, { json: { name } })),
    approveBody: (code, id, counts) => done(request('POST', `${c(code)}/bodies/${id}/approval`, Anything, { json: counts })),
    documents: (code) => request('GET', `${c(code)}/documents`, z.array(DocumentView)),
    myRecord: (code) => request('GET', `${c(code)}/me`, MyDelegateView),
    newRound: (code, id, body) => done(request('POST', `${c(code)}/elections/${id}/rounds`, Anything, { json: body })),
    saveTargets: (code, targets) => request('PUT', `${c(code)}/targets`, TargetsView, { json: { targets } }),
    moveSpeaker: (code, id, position) => done(request('PATCH', `${c(code)}/speakers/${id}`, Anything, { json: { position } })),

    countingOverview: (rr) => request('GET', `${r(rr)}/counting`, CountingOverviewSchema),
    openCounting: (rr, issued, collected) => done(request('POST', `${r(rr)}/counting`, Anything, { json: { issued, collected } })),
    batches: (rr) => request('GET', `${r(rr)}/batches`, z.array(BatchViewSchema)),
    myBatch: (rr, batch) => request('GET', b(rr, batch), MyBatchViewSchema),
    openBatch: (rr, label, physicalCount) => done(request('POST', `${r(rr)}/batches`, Anything, { json: { label, physicalCount } })),
    openEntry: (rr, batch) => request('POST', `${b(rr, batch)}/entries`, MyBatchViewSchema, { json: { terminal: terminal() } }),
    enterBallot: (rr, batch, position, text, requestId) =>
      request('POST', `${b(rr, batch)}/ballots`, EnteredBallotSchema, { json: { position, text, requestId, terminal: terminal() } }),
    undoBallot: (rr, batch, position) =>
      done(request('DELETE', `${b(rr, batch)}/ballots/last?position=${position}&terminal=${encodeURIComponent(terminal())}`, Anything)),
    closeEntry: (rr, batch, ballots) => done(request('POST', `${b(rr, batch)}/close`, Anything, { json: { ballots, terminal: terminal() } })),
    reconciliation: (rr) => request('GET', `${r(rr)}/reconciliation`, z.array(ReconciliationViewSchema)),
    rule: (rr, batch, position, text, reason, note) =>
      done(request('POST', `${b(rr, batch)}/rulings`, Anything, { json: { position, text, reason, note, terminal: terminal() } })),
    roundResult: (rr) => request('GET', `${r(rr)}/result`, RoundResultViewSchema),
    finishCounting: (rr) => done(request('POST', `${r(rr)}/counting/finish`, Anything, { json: {} })),

    uploadScan: async (rr, batch, files, onProgress) => {
      const form = new FormData();
      for (const f of files) form.append('file', f, f.name);
      const path = `${b(rr, batch)}/scan`;
      return answerOf(await sendWithProgress('POST', path, form, onProgress), path, ScanJobViewSchema);
    },
    scanJobs: (rr) => request('GET', `${r(rr)}/scan`, z.array(ScanJobViewSchema)),
    scanJob: (rr, job) => request('GET', `${r(rr)}/scan/${job}`, ScanJobDetailSchema),
    decideSheet: (rr, job, position, body) => request('POST', `${r(rr)}/scan/${job}/sheets/${position}/decide`, DecidedSheetSchema, { json: body }),
    discardScan: (rr, job) => done(request('DELETE', `${r(rr)}/scan/${job}`, Anything)),
  };
};
