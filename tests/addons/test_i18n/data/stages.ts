import type { DataRecord } from '../../../../core/index.ts';

const stage = (id: string, name: string, sequence: number): DataRecord => ({ id, model: 'test.i18n.stage', values: { name, sequence } });

const records: DataRecord[] = [stage('stage_new', 'New', 1), stage('stage_progress', 'In Progress', 2), stage('stage_solved', 'Solved', 3)];

export default records;
