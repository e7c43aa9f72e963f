import { graphql } from '../../gql';

export const RoutineOptionsQuery = graphql(`
  query RoutineOptions {
    crisisCentres(limit: 500) {
      items {
        id
        name
        members {
          id
          municipality {
            kommunenummer
            name
          }
        }
      }
    }
  }
`);

export const CentreRoutinesQuery = graphql(`
  query CentreRoutines($centreId: ID!) {
    handoverRoutines(filter: { centreId: $centreId }, limit: 60) {
      items {
        id
        version
        status
        adoptedOn
        reviewDueOn
        lastReviewedOn
        isExample
        municipality {
          kommunenummer
          name
        }
        steps {
          id
          position
          kind
          title
          timing
          responsibleAgencyKind
          contact {
            name
            phone
          }
        }
        missingTemplateSteps {
          kind
          title
          timing
          responsibleAgencyKind
          basis
        }
      }
    }
  }
`);

export const AddTemplateStepMutation = graphql(`
  mutation AddTemplateStep($routineId: ID!, $input: RoutineStepInput!, $expectedVersion: Int) {
    addRoutineStep(routineId: $routineId, input: $input, expectedVersion: $expectedVersion) {
      id
    }
  }
`);

export const CreateRoutineMutation = graphql(`
  mutation CreateRoutine($centreId: ID!, $kommunenummer: String!) {
    createRoutineFromTemplate(centreId: $centreId, kommunenummer: $kommunenummer) {
      id
    }
  }
`);

export const ReorderMutation = graphql(`
  mutation ReorderSteps($routineId: ID!, $stepIds: [ID!]!, $expectedVersion: Int) {
    reorderRoutineSteps(routineId: $routineId, stepIds: $stepIds, expectedVersion: $expectedVersion) {
      id
      version
      steps {
        id
        position
      }
    }
  }
`);

export const AdoptMutation = graphql(`
  mutation AdoptRoutine($id: ID!, $expectedVersion: Int) {
    updateRoutine(id: $id, input: { status: ADOPTED }, expectedVersion: $expectedVersion) {
      id
      version
      status
      adoptedOn
    }
  }
`);

export const MovingToQuery = graphql(`
  query MovingTo($kommunenummer: String!) {
    municipality(kommunenummer: $kommunenummer) {
      kommunenummer
      name
      switchboardPhone
      switchboardSource
      agencies {
        id
        kind
        name
        isExample
        contacts {
          id
          name
          title
          phone
          email
          isContactPoint
          verifiedAt
        }
      }
      handoverRoutines {
        id
        status
        adoptedOn
        isExample
        centre {
          name
        }
        steps {
          id
          title
          timing
          responsibleAgencyKind
          contact {
            name
            phone
          }
        }
      }
      centreMemberships {
        id
        isCurrent
        centre {
          name
        }
      }
    }
  }
`);

export const RoutineLocationQuery = graphql(`
  query RoutineLocation($id: ID!) {
    handoverRoutine(id: $id) {
      id
      centre {
        id
      }
      municipality {
        kommunenummer
      }
    }
  }
`);

export const UpdateStepMutation = graphql(`
  mutation UpdateStep($id: ID!, $input: RoutineStepInput!, $expectedVersion: Int) {
    updateRoutineStep(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      title
      timing
      responsibleAgencyKind
    }
  }
`);

export const RemoveStepMutation = graphql(`
  mutation RemoveStep($id: ID!, $expectedVersion: Int) {
    removeRoutineStep(id: $id, expectedVersion: $expectedVersion)
  }
`);
