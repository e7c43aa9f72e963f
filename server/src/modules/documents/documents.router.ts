import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { formatDate, todayInNorway } from '@samordna/domain';
import type { AuthUser } from '../../app/auth';
import { createContext } from '../../app/context';
import { buildAgreementDocument } from './agreement-document.service';

const statusOf = (code: unknown) =>
  code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' ? 400 : code === 'FORBIDDEN' ? 403 : 500;

/** GET /documents/agreement/<id>.docx?year=… : the agreement as a Word document (a draft with «mangler»). */
export function documentsRouter(
  dataSource: DataSource,
  authenticate: (req: express.Request) => Promise<AuthUser | null> = async () => null,
): Router {
  const router = express.Router();
  router.get(/^\/agreement\/([0-9a-f-]{36})\.docx$/, async (req, res) => {
    try {
      const ctx = createContext(dataSource, { auth: await authenticate(req) });
      const year = req.query.year === undefined ? null : Number(req.query.year);
      const amendmentId = typeof req.query.amendmentId === 'string' ? req.query.amendmentId : null;
      const doc = await buildAgreementDocument(ctx, String(req.params[0]), year, amendmentId);
      const name = `avtale-${doc.title
        .toLowerCase()
        .replace(/[^a-z0-9æøå]+/g, '-')
        .replace(/^-|-$/g, '')}`;
      const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}.docx"; filename*=UTF-8''${encodeURIComponent(name)}.docx`,
      );
      // The docx library is loaded with the first document, not at start-up (it is slow to load).
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up (slow to load)
      const { agreementDocx } = require('./docx') as typeof import('./docx');
      res
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(await agreementDocx(doc, `generert ${formatDate(todayInNorway())}`));
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code) {
        res
          .status(statusOf(error.extensions.code))
          .json({ code: error.extensions.code, field: error.extensions.field ?? null, message: error.message });
        return;
      }
      console.error('[documents] internal error:', error instanceof Error ? error.message : 'unknown');
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Dokumentet kunne ikke lages.' });
    }
  });
  return router;
}
